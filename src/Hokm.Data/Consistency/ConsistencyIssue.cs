namespace Hokm.Data.Consistency;

/// <summary>One difference found.</summary>
/// <param name="Room">The room (or stream) concerned; empty for store-wide issues.</param>
/// <param name="Kind">What is different.</param>
/// <param name="Detail">The versions, depths or ages seen.</param>
public sealed record ConsistencyIssue(string Room, ConsistencyIssueKind Kind, string Detail);
