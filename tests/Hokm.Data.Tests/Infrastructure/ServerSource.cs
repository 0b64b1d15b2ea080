namespace Hokm.Data.Tests.Infrastructure;

/// <summary>Where a <see cref="TestServer"/> came from (DESIGN.md, "Tests need real servers").</summary>
public enum ServerSource
{
    /// <summary>A running server named by HOKM_TEST_REDIS / HOKM_TEST_POSTGRES. Tests cannot stop it.</summary>
    Environment,

    /// <summary>A Docker container started through Testcontainers.</summary>
    Testcontainers,

    /// <summary>A throwaway process of the machine's redis-server or PostgreSQL binaries.</summary>
    LocalBinary,

    /// <summary>In this process (embedded Garnet).</summary>
    Embedded,
}
