package cn.zschangfang.content.view;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of the view beacon. {@code visitorId} is the browser's anonymous id (a cookie), never personal data. */
public record ViewRequest(
        @NotBlank @Size(max = 100) String visitorId,
        @Size(max = 2048) String referrer) {}
