using System.Net;
using System.Text.Json;

namespace Hokm.Server.Tests.Operations;

/// <summary>One answer of a health endpoint: the HTTP status and the JSON body.</summary>
internal sealed record HealthProbe(HttpStatusCode Code, JsonElement Body)
{
    public string Status => Body.GetProperty("status").GetString()!;

    public string Part(string name) => Body.GetProperty(name).GetProperty("status").GetString()!;

    public static async Task<HealthProbe> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new HealthProbe(response.StatusCode, document.RootElement.Clone());
    }

    public override string ToString() => $"{(int)Code} {Body}";
}
