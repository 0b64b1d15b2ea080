namespace Hokm.Data.Tests.Infrastructure;

/// <summary>Which server a <see cref="TestServer"/> is.</summary>
public enum ServerKind
{
    /// <summary>Real Redis (redis-server).</summary>
    Redis,

    /// <summary>Real PostgreSQL.</summary>
    PostgreSql,

    /// <summary>Microsoft Garnet started in this process by <c>Hokm.Data.Embedded.EmbeddedGarnetServer</c>.</summary>
    Garnet,

    /// <summary>A Redis Cluster of three masters (<see cref="RedisClusterTestServer"/>): local redis-server processes joined by redis-cli.</summary>
    RedisCluster,
}
