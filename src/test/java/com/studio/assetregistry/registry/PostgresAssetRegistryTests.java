package com.studio.assetregistry.registry;

import com.studio.assetregistry.PostgresRegistry;
import org.junit.jupiter.api.Nested;

/** The Java API's tests again, with the registry on PostgreSQL. */
@PostgresRegistry
class PostgresAssetRegistryTests {

    @Nested
    class Api extends AssetRegistryTests {
    }
}
