using Hokm.Data.Persistence.Games;
using Hokm.Data.Stats;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

#pragma warning disable IDE0130 // Registration lives in the DI namespace so that hosts find it without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers statistics, ratings, leaderboards and reports (called by <c>AddHokmData</c>).</summary>
public static class StatsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IHokmStats"/> and options from <c>HokmData:Stats</c>, and wraps the registered
    /// <see cref="IGameStore"/> so that a finished game also updates the cached leaderboards.
    /// </summary>
    public static IServiceCollection AddHokmStats(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(static d => d.ServiceType == typeof(LeaderboardCache)))
        {
            return services;
        }

        services.AddOptions<StatsOptions>()
            .Bind(configuration.GetSection(StatsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<LeaderboardCache>();
        services.TryAddSingleton<IHokmStats, HokmStats>();

        var store = services.LastOrDefault(static d => d.ServiceType == typeof(IGameStore));
        if (store is not null)
        {
            services.Remove(store);
            services.AddSingleton<IGameStore>(sp => new StatsGameStore(
                (IGameStore)(store.ImplementationInstance
                    ?? store.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, store.ImplementationType!)),
                sp.GetRequiredService<LeaderboardCache>(),
                sp.GetRequiredService<ILogger<StatsGameStore>>()));
        }

        return services;
    }
}
