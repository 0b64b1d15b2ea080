using System.Security.Cryptography;
using System.Text;
using Hokm.Data.Configuration;
using Hokm.Data.Persistence;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hokm.Server.Auth;

/// <summary>
/// Where the token signing key comes from: <c>Hokm:Auth:SigningKey</c>, or — when that is empty
/// and <see cref="MayGenerate"/> allows it — a random key generated once and kept in
/// <c>{HokmData:Embedded:DataDirectory}/signing.key</c>, so tokens survive a restart.
/// </summary>
internal sealed class SigningKeySource(
    IOptions<AuthOptions> options,
    IOptions<HybridDataOptions> data,
    IOptions<PersistenceOptions> persistence,
    IHostEnvironment environment,
    ILogger<SigningKeySource> logger)
{
    /// <summary>The key file's name inside the data folder.</summary>
    public const string FileName = "signing.key";

    /// <summary>Fewest key bytes accepted (HMAC-SHA256 wants at least its output size).</summary>
    public const int MinimumKeyBytes = 32;

    private const string Base64Prefix = "base64:";
    private const int GeneratedKeyBytes = 64;

    /// <summary>The key file used when no key is configured.</summary>
    public string KeyFilePath => Path.GetFullPath(Path.Combine(data.Value.Embedded.DataDirectory, FileName));

    /// <summary>Reads the configured key, or loads (creating it on first use) the generated one.</summary>
    public SymmetricSecurityKey Load()
    {
        var configured = options.Value.SigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            AuthLog.SigningKeyConfigured(logger);
            return new SymmetricSecurityKey(Decode(configured) ?? throw new InvalidOperationException(InvalidKeyMessage));
        }

        if (!MayGenerate(options.Value, data.Value, persistence.Value, environment))
        {
            throw new InvalidOperationException(MissingKeyMessage);
        }

        var path = KeyFilePath;
        var (key, created) = LoadOrCreate(path);
        AuthLog.SigningKeyGenerated(logger, path, created);
        return new SymmetricSecurityKey(key);
    }

    /// <summary>The message of a start-up failure when a key is required but missing.</summary>
    public const string MissingKeyMessage =
        "Hokm:Auth:SigningKey is required in Production with configured Redis/PostgreSQL servers (at least 32 bytes; " +
        "env Hokm__Auth__SigningKey). Set it, or set Hokm:Auth:AllowGeneratedSigningKey=true to keep a generated key in the data folder.";

    /// <summary>The message of a start-up failure for a key that is too short or not valid base64.</summary>
    public const string InvalidKeyMessage =
        "Hokm:Auth:SigningKey must be at least 32 bytes: text (its UTF-8 bytes) or 'base64:' followed by base64.";

    /// <summary>
    /// Whether a missing key may be generated: as configured, else outside Production, else only in
    /// embedded mode (no Redis and no PostgreSQL configured), where the key sits beside the data it protects.
    /// </summary>
    public static bool MayGenerate(AuthOptions auth, HybridDataOptions data, PersistenceOptions persistence, IHostEnvironment environment) =>
        auth.AllowGeneratedSigningKey
        ?? (!environment.IsProduction() || (string.IsNullOrWhiteSpace(data.RedisConnection) && persistence.Provider == PersistenceProvider.Sqlite));

    /// <summary>The key bytes of a configured value, or null when it is too short or not valid base64.</summary>
    public static byte[]? Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] bytes;
        if (value.StartsWith(Base64Prefix, StringComparison.Ordinal))
        {
            try
            {
                bytes = Convert.FromBase64String(value[Base64Prefix.Length..].Trim());
            }
            catch (FormatException)
            {
                return null;
            }
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(value);
        }

        return bytes.Length >= MinimumKeyBytes ? bytes : null;
    }

    private static (byte[] Key, bool Created) LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return (ReadKeyFile(path), false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var key = RandomNumberGenerator.GetBytes(GeneratedKeyBytes);
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, Encoding.ASCII, fileOptions))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        try
        {
            // Another process starting on the same folder may have won the race: then its key is the key.
            File.Move(temporary, path, overwrite: false);
            return (key, true);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return (ReadKeyFile(path), false);
        }
    }

    private static byte[] ReadKeyFile(string path)
    {
        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            if (key.Length >= MinimumKeyBytes)
            {
                return key;
            }
        }
        catch (FormatException)
        {
            // Reported below.
        }

        throw new InvalidOperationException($"The signing key file {path} is damaged (not base64 of at least {MinimumKeyBytes} bytes). Delete it to generate a new key; issued tokens then stop working.");
    }
}
