using AzureLocalUpgrade.Engine.Graph;
using Microsoft.Extensions.Logging;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>The host's log messages. None carries a parameter value, so no secret can reach a log.</summary>
internal static partial class HostLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Opened runspace {Count} for {Target}")]
    public static partial void RunspaceOpened(this ILogger logger, StepTarget target, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session to {Target} is no longer alive; reopening")]
    public static partial void SessionDead(this ILogger logger, StepTarget target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Target} is unreachable ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(this ILogger logger, StepTarget target, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Target} stayed unreachable for {Timeout}: {Reason}")]
    public static partial void GaveUp(this ILogger logger, StepTarget target, TimeSpan timeout, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step {StepId}: the session to {Target} broke during the step")]
    public static partial void BrokeMidStep(this ILogger logger, string stepId, StepTarget target);
}
