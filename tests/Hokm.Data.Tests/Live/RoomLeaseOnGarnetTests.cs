using Hokm.Data.Tests.Infrastructure;

namespace Hokm.Data.Tests.Live;

/// <summary>Room leases against embedded Garnet (Lua with SET PX and INCR inside a script).</summary>
public sealed class RoomLeaseOnGarnetTests() : RoomLeaseTests(ServerKind.Garnet);
