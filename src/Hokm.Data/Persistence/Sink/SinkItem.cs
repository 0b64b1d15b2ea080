namespace Hokm.Data.Persistence.Sink;

/// <summary>A parsed event with the position of its entry in the sink call.</summary>
internal readonly record struct SinkItem<T>(int Index, T Event);
