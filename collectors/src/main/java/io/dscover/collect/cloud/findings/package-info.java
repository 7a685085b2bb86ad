/**
 * The findings of a cloud flow-log audit that need no rules: what the logs let you see, which
 * administrative and database services answer the internet, who is being rejected and how they
 * scan, and what leaves for public addresses. One streaming pass, bounded memory.
 */
package io.dscover.collect.cloud.findings;
