namespace Hokm.Data.Stats;

/// <summary>Which games <see cref="IHokmStats.AnalyzeGamePatternsAsync"/> looks at.</summary>
/// <param name="From">Games started at or after this (UTC); null for no bound.</param>
/// <param name="To">Games started before this; null for no bound.</param>
/// <param name="CompletedOnly">Only finished games (default). Otherwise hands of games still being played count too.</param>
/// <param name="MinRating">Only games in which every human has at least this (current) rating, and at least one human sat; null for all.</param>
/// <param name="IncludeBots">False: only games without a bot seat.</param>
public sealed record GamePatternFilters(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool CompletedOnly = true,
    double? MinRating = null,
    bool IncludeBots = true);
