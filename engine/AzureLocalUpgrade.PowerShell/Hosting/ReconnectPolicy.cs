namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// How often the host retries opening a session to a target that cannot be reached (a rebooting node):
/// exponential backoff from <see cref="InitialDelay"/>, doubling up to <see cref="MaxDelay"/>, for as long as the
/// invocation's reconnect timeout allows. Waits go through the execution clock, so against the simulator they
/// advance virtual time instead of sleeping.
/// </summary>
public sealed record ReconnectPolicy(TimeSpan InitialDelay, TimeSpan MaxDelay)
{
    /// <summary>5 s, 10 s, 20 s, 40 s, then every 60 s: quick for a soft restart, gentle during a long feature update.</summary>
    public static readonly ReconnectPolicy Default = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));

    public TimeSpan Next(TimeSpan current)
    {
        var doubled = current + current;
        return doubled > MaxDelay ? MaxDelay : doubled;
    }
}
