package io.cdottrials.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits both services put on what a client may send.
 *
 * @param maxBodySize a request announcing a larger body is answered 413 before it is read
 */
@ConfigurationProperties("web-support")
public record WebSupportProperties(@DefaultValue("2MB") DataSize maxBodySize) {
}
