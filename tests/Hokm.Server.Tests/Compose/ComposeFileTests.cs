using YamlDotNet.RepresentationModel;

namespace Hokm.Server.Tests.Compose;

/// <summary>docker-compose.yml (no Docker engine here: the file is checked as data).</summary>
public sealed class ComposeFileTests
{
    private static readonly ComposeFile Compose = ComposeFile.Load();

    [Fact]
    public void It_runs_redis_postgres_and_the_server()
    {
        var names = Compose.Services.Children.Keys.Cast<YamlScalarNode>().Select(static k => k.Value).ToHashSet();

        Assert.Superset(new HashSet<string?> { "redis", "postgres", "server" }, names);
    }

    [Fact]
    public void Redis_7_keeps_an_append_only_file_synced_always_or_every_second_in_a_volume()
    {
        var redis = Compose.Service("redis");

        Assert.StartsWith("redis:7", ComposeFile.Scalar(redis, "image"), StringComparison.Ordinal);
        var command = ComposeFile.Words(ComposeFile.Find(redis, "command"));
        Assert.Equal("yes", ValueAfter(command, "--appendonly"));
        Assert.Contains(ValueAfter(command, "--appendfsync"), new[] { "always", "everysec" });
        AssertHealthcheck(redis, "redis-cli", "ping");
        AssertNamedVolume(redis, "/data");
    }

    [Fact]
    public void Postgres_16_has_a_database_user_password_volume_and_pg_isready_check()
    {
        var postgres = Compose.Service("postgres");

        Assert.StartsWith("postgres:16", ComposeFile.Scalar(postgres, "image"), StringComparison.Ordinal);
        var environment = ComposeFile.Environment(postgres);
        foreach (var name in new[] { "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD" })
        {
            Assert.False(string.IsNullOrEmpty(environment.GetValueOrDefault(name)), $"{name} is not set");
        }

        AssertHealthcheck(postgres, "pg_isready");
        AssertNamedVolume(postgres, "/var/lib/postgresql/data");
    }

    [Fact]
    public void The_server_is_built_from_the_multi_stage_dockerfile_and_waits_for_healthy_stores()
    {
        var server = Compose.Service("server");

        var build = ComposeFile.Map(server, "build");
        var context = ComposeFile.Scalar(build, "context");
        var dockerfile = ComposeFile.Scalar(build, "dockerfile");
        Assert.Equal(".", context);
        Assert.True(File.Exists(RepositoryFiles.PathOf(dockerfile)), $"{dockerfile} does not exist");
        Assert.Equal("src/Hokm.Server/Dockerfile", dockerfile);

        var dependsOn = ComposeFile.Map(server, "depends_on");
        foreach (var store in new[] { "redis", "postgres" })
        {
            Assert.Equal("service_healthy", ComposeFile.Scalar(ComposeFile.Map(dependsOn, store), "condition"));
        }

        AssertHealthcheck(server, "/health/live");
        AssertNamedVolume(server, "/app/data");
    }

    [Fact]
    public void The_server_publishes_the_port_its_image_listens_on()
    {
        var server = Compose.Service("server");
        var exposed = DockerfileTests.Instructions.Where(static i => i.Keyword == "EXPOSE").Select(static i => i.Arguments.Split('/')[0]).ToList();

        var ports = Assert.IsType<YamlSequenceNode>(ComposeFile.Find(server, "ports"));
        var mapping = ComposeFile.Interpolate(((YamlScalarNode)ports.Children.Single()).Value!);
        var parts = mapping.Split(':');

        Assert.Equal(2, parts.Length);
        Assert.True(int.TryParse(parts[0], out var hostPort) && hostPort is > 0 and < 65536, $"host port in '{mapping}'");
        Assert.Contains(parts[1], exposed);
        Assert.Contains(parts[1], ComposeFile.Words(ComposeFile.Find(ComposeFile.Map(server, "healthcheck"), "test")).Single(static w => w.StartsWith("http", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private static string? ValueAfter(IReadOnlyList<string> words, string flag)
    {
        var index = words.ToList().IndexOf(flag);
        return index >= 0 && index + 1 < words.Count ? words[index + 1] : null;
    }

    private static void AssertHealthcheck(YamlMappingNode service, params string[] expected)
    {
        var healthcheck = ComposeFile.Map(service, "healthcheck");
        var test = string.Join(' ', ComposeFile.Words(ComposeFile.Find(healthcheck, "test")));
        Assert.True(test.StartsWith("CMD", StringComparison.Ordinal), $"healthcheck test '{test}' is not CMD or CMD-SHELL");
        foreach (var word in expected)
        {
            Assert.Contains(word, test, StringComparison.Ordinal);
        }

        Assert.NotNull(ComposeFile.Find(healthcheck, "interval"));
        Assert.NotNull(ComposeFile.Find(healthcheck, "retries"));
    }

    private static void AssertNamedVolume(YamlMappingNode service, string target)
    {
        var mounts = Assert.IsType<YamlSequenceNode>(ComposeFile.Find(service, "volumes"))
            .Children.Cast<YamlScalarNode>().Select(static m => m.Value!.Split(':')).ToList();
        var mount = Assert.Single(mounts, m => m.Length >= 2 && m[1] == target);
        var declared = ComposeFile.Map(Compose.Root, "volumes").Children.Keys.Cast<YamlScalarNode>().Select(static k => k.Value);
        Assert.Contains(mount[0], declared);
    }
}
