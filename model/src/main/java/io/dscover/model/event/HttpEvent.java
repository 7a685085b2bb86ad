package io.dscover.model.event;

/** One HTTP/1.x request and its response. */
@EventType(name = "http", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "One HTTP/1.x request and its response.")
public final class HttpEvent extends NetworkEvent {

    @Field(name = "http.request.method", type = FieldType.STRING,
            doc = "Request method as sent (GET, POST, CONNECT, ...).")
    private String httpRequestMethod;

    @Field(name = "url.original", type = FieldType.STRING,
            doc = "Request target as sent (path and query, or absolute URL for proxies).")
    private String urlOriginal;

    @Field(name = "url.domain", type = FieldType.STRING,
            doc = "Host header value without the port.")
    private String urlDomain;

    @Field(name = "user_agent.original", type = FieldType.STRING,
            doc = "User-Agent header value.")
    private String userAgentOriginal;

    @Field(name = "http.version", type = FieldType.STRING,
            doc = "HTTP version: 1.0 or 1.1.")
    private String httpVersion;

    @Field(name = "http.request.referrer", type = FieldType.STRING,
            doc = "Referer header value.")
    private String httpRequestReferrer;

    @Field(name = "http.response.status_code", type = FieldType.INT,
            doc = "Response status code.")
    private Long httpResponseStatusCode;

    @Field(name = "http.response.status_phrase", type = FieldType.STRING,
            doc = "Response reason phrase.")
    private String httpResponseStatusPhrase;

    @Field(name = "http.request.body.bytes", type = FieldType.INT,
            doc = "Request body length in bytes.")
    private Long httpRequestBodyBytes;

    @Field(name = "http.response.body.bytes", type = FieldType.INT,
            doc = "Response body length in bytes.")
    private Long httpResponseBodyBytes;

    @Field(name = "http.request.mime_type", type = FieldType.STRING,
            doc = "Content-Type of the request body.")
    private String httpRequestMimeType;

    @Field(name = "http.response.mime_type", type = FieldType.STRING,
            doc = "Content-Type of the response body.")
    private String httpResponseMimeType;

    @Field(name = "http.trans_depth", type = FieldType.INT,
            doc = "Position of this request in its connection (1 = first; pipelining and keep-alive).")
    private Long httpTransDepth;

    public String getHttpRequestMethod() {
        return httpRequestMethod;
    }

    public void setHttpRequestMethod(String httpRequestMethod) {
        this.httpRequestMethod = httpRequestMethod;
    }

    public String getUrlOriginal() {
        return urlOriginal;
    }

    public void setUrlOriginal(String urlOriginal) {
        this.urlOriginal = urlOriginal;
    }

    public String getUrlDomain() {
        return urlDomain;
    }

    public void setUrlDomain(String urlDomain) {
        this.urlDomain = urlDomain;
    }

    public String getUserAgentOriginal() {
        return userAgentOriginal;
    }

    public void setUserAgentOriginal(String userAgentOriginal) {
        this.userAgentOriginal = userAgentOriginal;
    }

    public String getHttpVersion() {
        return httpVersion;
    }

    public void setHttpVersion(String httpVersion) {
        this.httpVersion = httpVersion;
    }

    public String getHttpRequestReferrer() {
        return httpRequestReferrer;
    }

    public void setHttpRequestReferrer(String httpRequestReferrer) {
        this.httpRequestReferrer = httpRequestReferrer;
    }

    public Long getHttpResponseStatusCode() {
        return httpResponseStatusCode;
    }

    public void setHttpResponseStatusCode(Long httpResponseStatusCode) {
        this.httpResponseStatusCode = httpResponseStatusCode;
    }

    public void setHttpResponseStatusCode(long httpResponseStatusCode) {
        this.httpResponseStatusCode = httpResponseStatusCode;
    }

    public String getHttpResponseStatusPhrase() {
        return httpResponseStatusPhrase;
    }

    public void setHttpResponseStatusPhrase(String httpResponseStatusPhrase) {
        this.httpResponseStatusPhrase = httpResponseStatusPhrase;
    }

    public Long getHttpRequestBodyBytes() {
        return httpRequestBodyBytes;
    }

    public void setHttpRequestBodyBytes(Long httpRequestBodyBytes) {
        this.httpRequestBodyBytes = httpRequestBodyBytes;
    }

    public void setHttpRequestBodyBytes(long httpRequestBodyBytes) {
        this.httpRequestBodyBytes = httpRequestBodyBytes;
    }

    public Long getHttpResponseBodyBytes() {
        return httpResponseBodyBytes;
    }

    public void setHttpResponseBodyBytes(Long httpResponseBodyBytes) {
        this.httpResponseBodyBytes = httpResponseBodyBytes;
    }

    public void setHttpResponseBodyBytes(long httpResponseBodyBytes) {
        this.httpResponseBodyBytes = httpResponseBodyBytes;
    }

    public String getHttpRequestMimeType() {
        return httpRequestMimeType;
    }

    public void setHttpRequestMimeType(String httpRequestMimeType) {
        this.httpRequestMimeType = httpRequestMimeType;
    }

    public String getHttpResponseMimeType() {
        return httpResponseMimeType;
    }

    public void setHttpResponseMimeType(String httpResponseMimeType) {
        this.httpResponseMimeType = httpResponseMimeType;
    }

    public Long getHttpTransDepth() {
        return httpTransDepth;
    }

    public void setHttpTransDepth(Long httpTransDepth) {
        this.httpTransDepth = httpTransDepth;
    }

    public void setHttpTransDepth(long httpTransDepth) {
        this.httpTransDepth = httpTransDepth;
    }
}
