namespace Hokm.Server.Tests.Auth;

/// <summary>The system clock moved by a settable offset: tokens can be issued and checked "later" without waiting.</summary>
internal sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
