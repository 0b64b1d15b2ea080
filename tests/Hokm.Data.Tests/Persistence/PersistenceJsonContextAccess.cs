using System.Text.Json.Serialization.Metadata;
using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Tests.Persistence;

/// <summary>The library's source-generated type information, for comparing readers.</summary>
internal static class PersistenceJsonContextAccess
{
    public static JsonTypeInfo<MoveRecorded> Move => PersistenceJsonContext.Default.MoveRecorded;
}
