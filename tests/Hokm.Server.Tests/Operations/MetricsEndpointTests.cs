using System.Text.Json;
using Hokm.Data;
using Hokm.Data.Persistence.Events;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Hokm.Server.Tests.Operations;

/// <summary>/metrics: Prometheus text with the data layer's, ASP.NET Core's and the runtime's instruments.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_parse_as_prometheus_text_and_include_data_layer_metrics_after_commits()
    {
        await using var host = await AuthServer.StartAsync();
        using var client = host.CreateClient();
        using (var guest = await client.PostJsonAsync("/api/auth/guest", new { name = "Metrics" }))
        {
            guest.EnsureSuccessStatusCode();
        }

        var data = host.Services.GetRequiredService<IHybridDataLayer>();
        var room = "MT" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var created = await data.CreateGameSessionAsync(room, """{"v":1}""");
        var version = created.Version;
        for (var i = 0; i < 3; i++)
        {
            using var details = JsonDocument.Parse($$"""{"step":{{i}}}""");
            var action = OutboxEvents.Action(new ActionRecorded(Guid.CreateVersion7(), "metrics_test", details.RootElement.Clone(), DateTimeOffset.UtcNow));
            version = (await data.ExecutePlayerMoveAsync(room, version, $$"""{"v":{{i + 2}}}""", [action])).Version;
        }

        IReadOnlyDictionary<string, MetricFamily> families = new Dictionary<string, MetricFamily>();
        string? text = null;
        await Poll.UntilAsync(
            "hokm_data_ metrics on /metrics",
            async ct =>
            {
                using var response = await client.GetAsync("/metrics", ct);
                response.EnsureSuccessStatusCode();
                Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
                text = await response.Content.ReadAsStringAsync(ct);
                families = PrometheusText.Parse(text);
                return families.ContainsKey("hokm_data_commits") || families.ContainsKey("hokm_data_commits_total");
            },
            TimeSpan.FromSeconds(30),
            () => text ?? "(no scrape)",
            CancellationToken.None);

        var commits = families.TryGetValue("hokm_data_commits_total", out var total) ? total : families["hokm_data_commits"];
        Assert.Equal("counter", commits.Type);
        Assert.Contains(commits.Samples, s => s.Labels.TryGetValue("status", out var status) && status == "committed" && s.Value >= 4);

        var duration = families["hokm_data_commit_duration_seconds"];
        Assert.Equal("histogram", duration.Type);
        Assert.Contains(duration.Samples, s => s.Name == "hokm_data_commit_duration_seconds_count" && s.Value >= 4);

        Assert.Contains(families.Keys, static name => name.StartsWith("http_server_request_duration", StringComparison.Ordinal));
        Assert.Contains(families.Keys, static name => name.StartsWith("dotnet_", StringComparison.Ordinal));

        // No per-room or per-player labels.
        Assert.DoesNotContain(families.Values.SelectMany(static f => f.Samples), s => s.Labels.Values.Any(v => v.Contains(room, StringComparison.Ordinal)));
    }
}
