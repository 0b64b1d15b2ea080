using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hokm.Data.Persistence.Model;

/// <summary>
/// Stores a <see cref="DateOnly"/> as its day number (days since 0001-01-01; SQLite only), which is a
/// UTC-ticks timestamp divided by <see cref="TimeSpan.TicksPerDay"/>: SQL computes a row's day exactly.
/// </summary>
internal sealed class DayNumberConverter() : ValueConverter<DateOnly, int>(
    static v => v.DayNumber,
    static v => DateOnly.FromDayNumber(v));
