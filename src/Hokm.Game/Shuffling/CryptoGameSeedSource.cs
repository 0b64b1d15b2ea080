using System.Security.Cryptography;

namespace Hokm.Game.Shuffling;

/// <summary>Live games: 32 bytes from the OS's cryptographic generator, as 64 lowercase hex characters.</summary>
public sealed class CryptoGameSeedSource : IGameSeedSource
{
    /// <summary>A shared instance (it holds no state).</summary>
    public static CryptoGameSeedSource Instance { get; } = new();

    /// <inheritdoc />
    public string NextSeed()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
