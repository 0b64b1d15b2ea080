using Hokm.Cli.Load;

namespace Hokm.Cli.Tests.Load;

public sealed class LoadSettingsTests
{
    [Theory]
    [InlineData("ws://127.0.0.1:5080/ws")]
    [InlineData("ws://127.3.2.1:5080/ws")]
    [InlineData("ws://localhost:5080/ws")]
    [InlineData("ws://[::1]:5080/ws")]
    [InlineData("wss://LOCALHOST/ws")]
    public void Loopback_urls_are_accepted(string url)
    {
        var (settings, errors) = Create(url);
        Assert.Empty(errors);
        Assert.NotNull(settings);
    }

    [Theory]
    [InlineData("ws://10.0.0.5:5080/ws")]
    [InlineData("ws://192.168.1.2/ws")]
    [InlineData("ws://example.com/ws")]
    [InlineData("ws://127.0.0.1.example.com/ws")]
    [InlineData("ws://[2001:db8::1]/ws")]
    [InlineData("ws://0.0.0.0:5080/ws")]
    public void Non_loopback_hosts_are_refused_with_a_clear_message(string url)
    {
        var (settings, errors) = Create(url);
        Assert.Null(settings);
        Assert.Contains(errors, e => e.Contains("not loopback", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/ws")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("not a url")]
    public void Only_websocket_urls_are_accepted(string url)
    {
        var (settings, errors) = Create(url);
        Assert.Null(settings);
        Assert.Contains(errors, e => e.Contains("ws://", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_base_is_derived_from_the_websocket_url_and_a_bare_url_gets_the_ws_path()
    {
        var (settings, _) = Create("ws://127.0.0.1:5391");
        Assert.Equal(new Uri("ws://127.0.0.1:5391/ws"), settings!.WebSocketUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5391/"), settings.HttpBase);
        Assert.Equal(new Uri("https://localhost:7000/"), Create("wss://localhost:7000/ws").Settings!.HttpBase);
    }

    [Theory]
    [InlineData(0, 0, 10, 0, 0, 7, "--games")]
    [InlineData(1, -1, 10, 0, 0, 7, "--think-ms")]
    [InlineData(1, 0, 0, 0, 0, 7, "--duration")]
    [InlineData(1, 0, 10, 10, 0, 7, "--ramp")]
    [InlineData(1, 0, 10, -1, 0, 7, "--ramp")]
    [InlineData(1, 0, 10, 0, 1.5, 7, "--chaos")]
    [InlineData(1, 0, 10, 0, -0.1, 7, "--chaos")]
    [InlineData(1, 0, 10, 0, 0, 0, "--target")]
    [InlineData(1, 0, 10, 0, 0, 8, "--target")]
    public void Out_of_range_values_are_refused(int games, int think, double duration, double ramp, double chaos, int target, string option)
    {
        var (settings, errors) = LoadSettings.Create("ws://127.0.0.1:1/ws", games, think, duration, ramp, null, chaos, target, progress: false);
        Assert.Null(settings);
        Assert.Contains(errors, e => e.StartsWith(option, StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_values_become_settings()
    {
        var (settings, errors) = LoadSettings.Create("ws://127.0.0.1:1/ws", 1000, 1000, 600, 60, "out.json", 0.05, 7, progress: true);
        Assert.Empty(errors);
        Assert.Equal(1000, settings!.Games);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.Think);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Duration);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.Ramp);
        Assert.Equal(0.05, settings.Chaos);
        Assert.Equal("out.json", settings.JsonPath);
    }

    private static (LoadSettings? Settings, IReadOnlyList<string> Errors) Create(string url) =>
        LoadSettings.Create(url, 1, 0, 10, 0, null, 0, 7, progress: false);
}
