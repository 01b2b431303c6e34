// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Foothold",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "foothold", targets: ["foothold"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.110.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // Already built for Vapor; named here for the SMTP client (Sources/FootholdApp/Reminders/SMTPClient.swift).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
        // Already built for Vapor; named here for outbound requests that check where they connect (OutboundHTTP.swift).
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.24.0"),
        // Already built for Vapor and PostgresNIO; named here for checking ID tokens' signatures.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.9.0"..<"5.0.0"),
    ],
    targets: [
        .target(name: "FootholdCore"),
        // The only module that imports Fluent, SQLKit or a database driver: models, migrations, the
        // read seam and every store (decision 0023).
        .target(
            name: "FootholdData",
            dependencies: [
                "FootholdCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The demo organisation, its history and their writers; it reaches the database only through FootholdData.
        .target(
            name: "FootholdDemo",
            dependencies: ["FootholdCore", "FootholdData"],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // Vapor, and no database module among its dependencies: the compiler keeps queries in FootholdData.
        .target(
            name: "FootholdApp",
            dependencies: [
                "FootholdCore",
                "FootholdData",
                "FootholdDemo",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // Already built for PostgresNIO: ID tokens' signatures are checked with it (decision 0025).
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            // A file sees a module's members only if it imports that module: only the HTML kit in
            // Web/ imports Plot, so no feature can write a raw node (decision 0014).
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "foothold",
            dependencies: [
                "FootholdApp",
                "FootholdCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "FootholdCoreTests", dependencies: ["FootholdCore"]),
        .testTarget(name: "FootholdDemoTests", dependencies: ["FootholdCore", "FootholdDemo"]),
        .testTarget(
            name: "FootholdAppTests",
            dependencies: [
                "FootholdApp",
                "FootholdData",
                "FootholdDemo",
                .product(name: "XCTVapor", package: "vapor"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // Already built for PostgresNIO; the tests' own identity provider signs with it.
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
