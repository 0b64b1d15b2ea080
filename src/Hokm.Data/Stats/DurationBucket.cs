namespace Hokm.Data.Stats;

/// <summary>Finished games whose length was in <c>[From, To)</c>.</summary>
/// <param name="From">Lower bound.</param>
/// <param name="To">Upper bound; null for the open last bucket.</param>
/// <param name="Games">Games in the bucket.</param>
public sealed record DurationBucket(TimeSpan From, TimeSpan? To, int Games);
