namespace Hokm.Data.Redis;

/// <summary>Which server the live tier talks to.</summary>
public enum RedisServerKind
{
    /// <summary>A Redis server (or Redis Cluster) named by configuration.</summary>
    Redis,

    /// <summary>Microsoft Garnet started in this process (the zero-install default).</summary>
    EmbeddedGarnet,
}
