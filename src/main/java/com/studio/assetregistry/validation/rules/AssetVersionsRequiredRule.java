package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.Rule;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** An asset exists only through its versions, so it is added with at least one. */
@Component
@Order(201)
public class AssetVersionsRequiredRule implements Rule {

    @Override public String id() { return "asset.versions"; }
    @Override public String field() { return "versions"; }
    @Override public String description() { return "an asset is added without any version"; }
    @Override public boolean configurable() { return false; }
}
