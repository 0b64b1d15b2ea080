using System.Net;
using Hokm.Audit;
using Hokm.Data.Tests.Infrastructure;
using Hokm.Server.Tests.Support;

namespace Hokm.Server.Tests.Hosting;

/// <summary>With no connection strings the server runs on embedded Garnet and SQLite.</summary>
public sealed class EmbeddedModeTests
{
    [Fact]
    public async Task Without_connection_strings_a_game_against_three_bots_ends_with_its_record_in_sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hokm-embedded-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using (var host = await ServerHost.StartAsync(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = "",
                ["ConnectionStrings:Postgres"] = "",
                ["REDIS_URL"] = "",
                ["DATABASE_URL"] = "",
                ["HokmData:Embedded:DataDirectory"] = folder,
                ["HokmData:Sync:Interval"] = "00:00:00.050",
                ["Hokm:Auth:RateLimit:Enabled"] = "false",
                ["Hokm:Connections:MessagesPerSecond"] = "1000",
                ["Hokm:Connections:Burst"] = "1000",
                ["Hokm:Rooms:BotDelay"] = "00:00:00",
                ["Hokm:Rooms:HandPause"] = "00:00:00",
                ["Logging:LogLevel:Default"] = "Warning",
            }))
            {
                var (client, _, _) = await TestSetup.ConnectGuestAsync(host, "hermit");
                await using var _ = client;
                await client.RequestAsync("create_room", new() { ["bots"] = 3, ["targetScore"] = 1 });
                var over = await new TablePlayer(client).PlayAsync();
                var gameId = over!.Str("gameId")!;

                using var http = host.CreateClient();
                string record = "";
                HttpStatusCode status = 0;
                await Poll.UntilAsync(
                    "the game's record from SQLite",
                    async ct =>
                    {
                        using var response = await http.GetAsync(new Uri($"/api/games/{gameId}/record", UriKind.Relative), ct);
                        (status, record) = (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
                        return status == HttpStatusCode.OK;
                    },
                    TimeSpan.FromSeconds(60),
                    () => $"last answer {status}: {record}",
                    CancellationToken.None);
                Assert.Empty(RecordAuditor.AuditRecord(record));
                Assert.True(File.Exists(Path.Combine(folder, "hokm.db")), "the SQLite database is in the data folder");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the OS temp folder is cleaned anyway.
            }
        }
    }
}
