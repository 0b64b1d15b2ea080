using Hokm.Cli.Load;

namespace Hokm.Cli.Tests.Load;

public sealed class PrometheusTextTests
{
    private const string Sample = """
        # HELP hokm_data_sync_lag_current_seconds Age of the oldest entry.
        # TYPE hokm_data_sync_lag_current_seconds gauge
        hokm_data_sync_lag_current_seconds{otel_scope_name="Hokm.Data"} 0.25
        dotnet_process_memory_working_set_bytes{otel_scope_name="System.Runtime"} 243150848
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 100
        dotnet_gc_last_collection_heap_size_bytes{otel_scope_name="System.Runtime",gc_heap_generation="gen1"} 50
        hokm_players_connected 4000 1700000000000
        hokm_move_duration_seconds_bucket{le="+Inf",kind="play"} 779
        weird{label="a \"quoted\" value, with comma"} 1e3
        broken{label="unterminated} 5
        no_value
        hokm_errors_total{code="rate_limited"} NaN

        """;

    [Fact]
    public void Samples_are_parsed_with_labels_and_values_and_bad_lines_are_skipped()
    {
        var samples = PrometheusText.Parse(Sample);
        Assert.Equal(8, samples.Count);
        Assert.Equal(0.25, PrometheusText.Find(samples, "hokm_data_sync_lag_current_seconds"));
        Assert.Equal(4000, PrometheusText.Find(samples, "hokm_players_connected"));
        Assert.Equal(779, PrometheusText.Find(samples, "hokm_move_duration_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(1000, PrometheusText.Find(samples, "weird", ("label", "a \"quoted\" value, with comma")));
        Assert.True(double.IsNaN(PrometheusText.Find(samples, "hokm_errors_total")!.Value));
        Assert.Null(PrometheusText.Find(samples, "broken"));
        Assert.Null(PrometheusText.Find(samples, "missing_metric"));
    }

    [Fact]
    public void The_first_present_name_wins_and_label_sets_are_summed()
    {
        var samples = PrometheusText.Parse(Sample);
        Assert.Equal(("dotnet_process_memory_working_set_bytes", 243150848.0), ServerMetricsSampler.Sum(samples, ServerMetricsSampler.MemoryNames));
        Assert.Equal(150, ServerMetricsSampler.Sum(samples, ServerMetricsSampler.GcHeapNames)!.Value.Value);
        Assert.Null(ServerMetricsSampler.Sum(samples, ["nothing_here", "nor_here"]));
        Assert.Equal(("hokm_data_sync_lag_current_seconds", 0.25), PrometheusText.FirstOf(samples, "nope", "hokm_data_sync_lag_current_seconds"));
    }

    [Fact]
    public void Empty_or_comment_only_text_gives_no_samples()
    {
        Assert.Empty(PrometheusText.Parse(string.Empty));
        Assert.Empty(PrometheusText.Parse("# just a comment\n\n"));
    }
}
