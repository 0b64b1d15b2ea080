using Hokm.Game.Shuffling;

namespace Hokm.Game.Tests.Shuffling;

public sealed class SeedSourceTests
{
    [Fact]
    public void Crypto_seeds_are_64_lowercase_hex_characters_and_differ()
    {
        var source = new CryptoGameSeedSource();
        var a = source.NextSeed();
        var b = source.NextSeed();
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Fixed_seeds_come_back_in_order_then_numbered()
    {
        var source = new FixedGameSeedSource("a", "b");
        Assert.Equal(["a", "b", "b-0", "b-1"], [source.NextSeed(), source.NextSeed(), source.NextSeed(), source.NextSeed()]);
    }
}
