namespace Hokm.Server.Tests.Operations;

/// <summary>The test's exposition-format reader accepts the format and refuses what is not.</summary>
public sealed class PrometheusTextTests
{
    [Fact]
    public void A_well_formed_exposition_parses_into_families_and_samples()
    {
        const string Text = """
            # HELP requests_total Requests served.
            # TYPE requests_total counter
            requests_total{route="/a",code="200"} 3
            requests_total{route="/b \"quoted\"",code="500"} 1 1700000000000
            # TYPE latency_seconds histogram
            latency_seconds_bucket{le="0.1"} 1
            latency_seconds_bucket{le="+Inf"} 2
            latency_seconds_sum 0.35
            latency_seconds_count 2
            # TYPE up gauge
            up NaN

            """;

        var families = PrometheusText.Parse(Text.ReplaceLineEndings("\n"));

        Assert.Equal("counter", families["requests_total"].Type);
        Assert.Equal("Requests served.", families["requests_total"].Help);
        Assert.Equal("/b \"quoted\"", families["requests_total"].Samples[1].Labels["route"]);
        Assert.Equal(4, families["latency_seconds"].Samples.Count);
        Assert.Equal(double.PositiveInfinity, double.Parse(families["latency_seconds"].Samples[1].Labels["le"].Replace("+Inf", "Infinity", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(double.IsNaN(families["up"].Samples[0].Value));
    }

    [Theory]
    [InlineData("orphan 1\n")]
    [InlineData("# TYPE x counter\nx{a=\"1\" 2\n")]
    [InlineData("# TYPE x counter\nx one\n")]
    [InlineData("# TYPE x counter\n# TYPE x gauge\nx 1\n")]
    [InlineData("# TYPE x wibble\nx 1\n")]
    [InlineData("# TYPE 1x counter\n")]
    [InlineData("# TYPE h histogram\nh_bucket 1\n")]
    [InlineData("# TYPE x counter\nx 1")]
    [InlineData("# TYPE x counter\nx{a=\"1\n")]
    public void Malformed_text_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => PrometheusText.Parse(text));
    }
}
