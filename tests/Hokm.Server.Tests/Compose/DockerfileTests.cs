namespace Hokm.Server.Tests.Compose;

/// <summary>src/Hokm.Server/Dockerfile: a multi-stage build that runs as a non-root user.</summary>
public sealed class DockerfileTests
{
    public const string Path = "src/Hokm.Server/Dockerfile";

    internal static readonly IReadOnlyList<DockerfileInstruction> Instructions = DockerfileInstruction.Parse(RepositoryFiles.Read(Path));

    /// <summary>The instructions of the runtime (last) stage.</summary>
    internal static readonly IReadOnlyList<DockerfileInstruction> FinalStage =
        Instructions.Where(static i => i.Stage == Instructions.Max(static x => x.Stage)).ToList();

    [Fact]
    public void It_builds_with_the_sdk_and_runs_on_the_aspnet_runtime_image()
    {
        var stages = Instructions.Where(static i => i.Keyword == "FROM").ToList();

        Assert.True(stages.Count >= 2, "not a multi-stage build");
        Assert.Contains("mcr.microsoft.com/dotnet/sdk:", stages[0].Arguments, StringComparison.Ordinal);
        Assert.Contains(" AS build", stages[0].Arguments, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet:", stages[^1].Arguments, StringComparison.Ordinal);
        Assert.Contains(FinalStage, static i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
        Assert.DoesNotContain(FinalStage, static i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains(Instructions, static i => i.Stage == 0 && i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish src/Hokm.Server/Hokm.Server.csproj -c Release", StringComparison.Ordinal));
    }

    [Fact]
    public void The_runtime_stage_runs_as_a_non_root_user()
    {
        var user = Assert.Single(FinalStage, static i => i.Keyword == "USER").Arguments;
        var name = user.Split(':')[0];

        Assert.NotEqual("root", name);
        Assert.NotEqual("0", name);
        Assert.True(name is "$APP_UID" or "${APP_UID}" or "app" || (int.TryParse(name, out var uid) && uid > 0), $"USER {user}");
        var userIndex = FinalStage.ToList().FindIndex(static i => i.Keyword == "USER");
        Assert.True(FinalStage.ToList().FindLastIndex(static i => i.Keyword == "RUN") < userIndex, "a RUN after USER would need root");
        Assert.Equal("[\"dotnet\", \"Hokm.Server.dll\"]", Assert.Single(FinalStage, static i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public void Every_file_it_copies_from_the_build_context_exists_and_is_not_docker_ignored()
    {
        var ignored = RepositoryFiles.Read(".dockerignore").ReplaceLineEndings("\n").Split('\n')
            .Select(static l => l.Trim()).Where(static l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var sources = Instructions
            .Where(static i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(static i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToList();

        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            if (source.Contains('*', StringComparison.Ordinal))
            {
                var directory = RepositoryFiles.PathOf(source[..source.IndexOf('*', StringComparison.Ordinal)]);
                Assert.True(Directory.Exists(directory), $"COPY {source}: {directory} does not exist");
                Assert.NotEmpty(Directory.GetFiles(directory, "*.csproj", SearchOption.AllDirectories));
            }
            else
            {
                Assert.True(File.Exists(RepositoryFiles.PathOf(source)) || Directory.Exists(RepositoryFiles.PathOf(source)), $"COPY {source}: not in the repository");
            }

            Assert.DoesNotContain(source.TrimEnd('/') + "/", ignored);
            Assert.DoesNotContain(source.TrimEnd('/'), ignored);
        }

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
    }

    [Fact]
    public void The_image_listens_on_all_interfaces_at_the_exposed_port()
    {
        var environment = string.Join(' ', FinalStage.Where(static i => i.Keyword == "ENV").Select(static i => i.Arguments));
        var exposed = Assert.Single(FinalStage, static i => i.Keyword == "EXPOSE").Arguments;

        Assert.Contains($"Urls=http://+:{exposed}", environment, StringComparison.Ordinal);
        Assert.Contains(FinalStage, i => i.Keyword == "HEALTHCHECK" && i.Arguments.Contains($":{exposed}/health/live", StringComparison.Ordinal));
    }
}
