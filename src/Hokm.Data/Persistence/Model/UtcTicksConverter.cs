using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hokm.Data.Persistence.Model;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks (SQLite only); it reads back in UTC.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    static v => v.UtcTicks,
    static v => new DateTimeOffset(v, TimeSpan.Zero))
{
    /// <summary>The stored form of <paramref name="value"/>, for hand-written SQL.</summary>
    public static long ToStore(DateTimeOffset value) => value.UtcTicks;
}
