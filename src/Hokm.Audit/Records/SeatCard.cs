namespace Hokm.Audit.Records;

/// <summary>A card given to or played by a seat (a face-up draw or a play in a trick).</summary>
internal sealed record SeatCard(int Seat, Card Card);
