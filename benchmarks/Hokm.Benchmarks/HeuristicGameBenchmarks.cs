using System.Globalization;
using BenchmarkDotNet.Attributes;
using Hokm.Game.Bots;

namespace Hokm.Benchmarks;

/// <summary>
/// Complete games of four heuristic bots through the public engine API (events produced and all), the
/// same loop the simulator runs. A batch of fixed seeds per invocation keeps the per-game mean stable
/// (games differ in length); results are reported per game.
/// </summary>
[MemoryDiagnoser]
public class HeuristicGameBenchmarks
{
    private const int GamesPerInvoke = 200;

    private readonly IHokmBot[] _bots = [HeuristicBot.Instance, HeuristicBot.Instance, HeuristicBot.Instance, HeuristicBot.Instance];
    private string[] _seeds = [];

    [GlobalSetup]
    public void Setup() =>
        _seeds = [.. Enumerable.Range(0, GamesPerInvoke).Select(i => "bench-" + i.ToString(CultureInfo.InvariantCulture))];

    [Benchmark(OperationsPerInvoke = GamesPerInvoke, Description = "Heuristic bot game")]
    public int PlayHeuristicGame()
    {
        var hands = 0;
        foreach (var seed in _seeds)
        {
            hands += BotMatch.Play(seed, null, _bots).Hands;
        }

        return hands;
    }
}
