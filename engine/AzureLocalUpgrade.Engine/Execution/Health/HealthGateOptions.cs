namespace AzureLocalUpgrade.Engine.Execution.Health;

/// <param name="Timeout">How long to wait for the cluster to become healthy before a disruptive group stops.</param>
/// <param name="PollInterval">How often to ask the cluster again while waiting.</param>
/// <param name="ProbeReconnectTimeout">Reconnect patience for a health query: short, another node can be asked instead.</param>
public sealed record HealthGateOptions(TimeSpan Timeout, TimeSpan PollInterval, TimeSpan ProbeReconnectTimeout)
{
    public static readonly HealthGateOptions Default = new(TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
}
