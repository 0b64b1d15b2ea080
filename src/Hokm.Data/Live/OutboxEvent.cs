namespace Hokm.Data.Live;

/// <summary>An event to append to a room's durable outbox in the same atomic step as its state.</summary>
/// <param name="Type">Short event type: 1–64 of <c>a-z 0-9 _ .</c> (for example <c>card_played</c>).</param>
/// <param name="Payload">The opaque payload (JSON for the game server); written to PostgreSQL by the sync worker.</param>
public sealed record OutboxEvent(string Type, string Payload);
