namespace AzureLocalUpgrade.Engine.Model;

/// <param name="Attempts">Total tries including the first.</param>
/// <param name="Delay">Wait before the second try; multiplied by <paramref name="Backoff"/> after each further failure.</param>
public sealed record RetryPolicy(int Attempts, TimeSpan Delay, double Backoff)
{
    public TimeSpan DelayBefore(int attempt) =>
        attempt <= 1 ? TimeSpan.Zero : TimeSpan.FromTicks((long)(Delay.Ticks * Math.Pow(Backoff, attempt - 2)));
}
