namespace Hokm.Cli.Load;

/// <summary>A card play as the clients saw it: hand number, seat, card.</summary>
internal readonly record struct ObservedPlay(int Hand, int Seat, string Card);
