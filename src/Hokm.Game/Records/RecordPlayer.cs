namespace Hokm.Game.Records;

/// <summary>Who sat where: <c>{"seat":0,"playerId":"…","name":"…","bot":true}</c>.</summary>
public sealed record RecordPlayer(int Seat, string? PlayerId, string Name, bool Bot);
