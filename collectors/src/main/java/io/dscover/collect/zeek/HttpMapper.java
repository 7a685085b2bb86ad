package io.dscover.collect.zeek;

import io.dscover.model.event.HttpEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;

/**
 * http.log: one request and its response per row. {@code url.domain} is the Host header without
 * its port; the first request and response MIME types fill the schema fields and the full lists
 * stay extras.
 */
final class HttpMapper extends LogMapper {

    private int transDepth;
    private int method;
    private int host;
    private int uri;
    private int referrer;
    private int version;
    private int userAgent;
    private int requestBodyLen;
    private int responseBodyLen;
    private int statusCode;
    private int statusMsg;
    private int origMimeTypes;
    private int respMimeTypes;

    HttpMapper() {
        super("http");
    }

    @Override
    void bindColumns() {
        transDepth = claim("trans_depth");
        method = claim("method");
        host = claim("host");
        uri = claim("uri");
        referrer = claim("referrer");
        version = claim("version");
        userAgent = claim("user_agent");
        requestBodyLen = claim("request_body_len");
        responseBodyLen = claim("response_body_len");
        statusCode = claim("status_code");
        statusMsg = claim("status_msg");
        origMimeTypes = columns().indexOf("orig_mime_types");
        respMimeTypes = columns().indexOf("resp_mime_types");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        HttpEvent e = flowEvidence(new HttpEvent());
        long v;
        if ((v = r.count(transDepth)) != ABSENT) {
            e.setHttpTransDepth(v);
        }
        e.setHttpRequestMethod(r.symbol(method));
        e.setUrlDomain(hostWithoutPort(r.string(host)));
        e.setUrlOriginal(r.string(uri));
        e.setHttpRequestReferrer(r.string(referrer));
        e.setHttpVersion(r.symbol(version));
        e.setUserAgentOriginal(r.string(userAgent));
        if ((v = r.count(requestBodyLen)) != ABSENT) {
            e.setHttpRequestBodyBytes(v);
        }
        if ((v = r.count(responseBodyLen)) != ABSENT) {
            e.setHttpResponseBodyBytes(v);
        }
        if ((v = r.count(statusCode)) != ABSENT) {
            e.setHttpResponseStatusCode(v);
        }
        e.setHttpResponseStatusPhrase(r.string(statusMsg));
        e.setHttpRequestMimeType(first(r.strings(origMimeTypes)));
        e.setHttpResponseMimeType(first(r.strings(respMimeTypes)));
        extras(r, e);
        out.add(e);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code example.com:8080} to {@code example.com}; {@code [2001:db8::1]:80} to {@code 2001:db8::1}. */
    static String hostWithoutPort(String host) {
        if (host == null || host.isEmpty()) {
            return host;
        }
        if (host.charAt(0) == '[') {
            int close = host.indexOf(']');
            return close > 0 ? host.substring(1, close) : host;
        }
        int colon = host.indexOf(':');
        if (colon >= 0 && host.indexOf(':', colon + 1) < 0) {
            boolean digits = colon + 1 < host.length();
            for (int i = colon + 1; i < host.length(); i++) {
                char c = host.charAt(i);
                digits &= c >= '0' && c <= '9';
            }
            return digits ? host.substring(0, colon) : host;
        }
        return host; // a bare IPv6 literal, or no port
    }
}
