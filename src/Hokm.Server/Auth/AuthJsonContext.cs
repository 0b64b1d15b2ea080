using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hokm.Server.Auth;

/// <summary>Source-generated JSON for the auth endpoints (camelCase, as the protocol says).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(GuestRequest))]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(AuthResponse))]
[JsonSerializable(typeof(PlayerIdentity))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
