namespace AzureLocalUpgrade.Engine.Execution.Hosting;

/// <summary>
/// Runs scripts on targets. Implemented over System.Management.Automation (AzureLocalUpgrade.PowerShell);
/// the executor only sees this interface, so it never touches PowerShell types.
/// </summary>
public interface IStepHost : IAsyncDisposable
{
    /// <summary>
    /// Runs one script on its target. Never throws for script failures, timeouts or unreachable targets:
    /// those are outcomes. Throws only for engine bugs.
    /// A node that is rebooting is waited for (reconnect with backoff) up to <see cref="ScriptInvocation.ReconnectTimeout"/>.
    /// </summary>
    Task<ScriptResult> InvokeAsync(ScriptInvocation invocation, CancellationToken cancellationToken);

    /// <summary>Runspaces (local or remote) opened so far: scales with targets, not with steps.</summary>
    int RunspacesOpened { get; }
}
