using Hokm.Data.Diagnostics;
using Hokm.Data.Logging;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Hokm.Data.Resilience;

/// <summary>
/// The Polly v8 pipeline around one store: timeout per attempt, retry with exponential backoff and
/// jitter, and a circuit breaker whose state health checks and metrics read. No hand-written breaker.
/// </summary>
public sealed class StoreResilience
{
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly CircuitBreakerManualControl _control = new();

    /// <summary>Builds the pipeline for <paramref name="store"/> (<c>redis</c> or <c>postgresql</c>).</summary>
    public StoreResilience(string store, StoreResilienceOptions options, Func<Exception, bool> isTransient, TimeProvider time, HybridDataMetrics metrics, ILogger logger, bool retry = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        Store = store;
        var handled = new PredicateBuilder().Handle<Exception>(ex => ex is TimeoutRejectedException || isTransient(ex));
        var builder = new ResiliencePipelineBuilder { TimeProvider = time, Name = store };
        if (retry && options.RecoveryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = handled,
                MaxRetryAttempts = options.RecoveryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
            });
        }

        Pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = handled,
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.FailureThreshold,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                StateProvider = _state,
                ManualControl = _control,
                OnOpened = args =>
                {
                    metrics.BreakerChanged(store, "open");
                    DataLog.BreakerOpened(logger, store, args.BreakDuration, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    metrics.BreakerChanged(store, "half_open");
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    metrics.BreakerChanged(store, "closed");
                    DataLog.BreakerClosed(logger, store);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    /// <summary>The store this pipeline guards.</summary>
    public string Store { get; }

    /// <summary>The pipeline: wrap every call to the store in it.</summary>
    public ResiliencePipeline Pipeline { get; }

    /// <summary>The breaker's state now.</summary>
    public CircuitState State => _state.CircuitState;

    /// <summary>True while calls are being refused without trying the store.</summary>
    public bool IsOpen => _state.CircuitState is CircuitState.Open or CircuitState.Isolated;

    /// <summary>Closes the breaker now (after an operator fixed the store, or in tests).</summary>
    public Task CloseAsync() => _control.CloseAsync();
}
