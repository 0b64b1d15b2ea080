using System.Text.Json;

namespace Hokm.Server.Tests.Support;

/// <summary>One message received from the server: its type, raw text and parsed JSON.</summary>
internal sealed record ServerFrame(string Type, string Raw, JsonElement Json)
{
    public string? ReplyTo => Json.TryGetProperty("replyTo", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;

    public static ServerFrame Parse(string raw)
    {
        using var document = JsonDocument.Parse(raw);
        var json = document.RootElement.Clone();
        return new ServerFrame(json.GetProperty("type").GetString()!, raw, json);
    }

    public string? Str(string name) => Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public int Int(string name) => Json.GetProperty(name).GetInt32();

    public int? IntOrNull(string name) => Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    public bool Has(string name) => Json.TryGetProperty(name, out _);

    public IReadOnlyList<string> Cards(string name) =>
        Json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(static c => c.GetString()!)] : [];

    /// <summary>For errors: the code.</summary>
    public string? Code => Str("code");

    public override string ToString() => Raw;
}
