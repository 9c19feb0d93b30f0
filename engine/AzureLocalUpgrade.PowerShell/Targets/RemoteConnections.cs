using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Inventory;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>Connection details for a node, from the inventory's <see cref="ConnectionSpec"/>.</summary>
public static class RemoteConnections
{
    public const int WinRmHttpPort = 5985;
    public const int WinRmHttpsPort = 5986;
    public const int SshPort = 22;

    private const string WinRmApplication = "/wsman";
    private const string WindowsPowerShellShell = "http://schemas.microsoft.com/powershell/Microsoft.PowerShell";

    /// <summary>How long opening a session may take before the node counts as unreachable (and is retried).</summary>
    public static readonly TimeSpan OpenTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// WinRM (<c>transport: winrm</c>): HTTP on 5985 unless the port says otherwise, HTTPS on 5986, Negotiate
    /// authentication with the resolved credential. SSH (<c>transport: ssh</c>): PowerShell's -HostName style,
    /// user, host, port and the reference's key file (SSH remoting takes no password).
    /// </summary>
    public static RunspaceConnectionInfo Create(ConnectionSpec connection, string host, CredentialResolver credentials)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentNullException.ThrowIfNull(credentials);
        var reference = connection.Credential ?? throw new CredentialUnavailableException(
            $"The inventory names no credential for {host}; a real cluster needs connection.credential.");

        switch (connection.Transport.ToUpperInvariant())
        {
            case "WINRM":
                var port = connection.Port ?? WinRmHttpPort;
                return new WSManConnectionInfo(
                    useSsl: port == WinRmHttpsPort,
                    computerName: host,
                    port: port,
                    appName: WinRmApplication,
                    shellUri: WindowsPowerShellShell,
                    credential: credentials.Resolve(reference))
                {
                    AuthenticationMechanism = AuthenticationMechanism.Negotiate,
                    OpenTimeout = (int)OpenTimeout.TotalMilliseconds,
                };
            case "SSH":
                return new SSHConnectionInfo(
                    userName: reference.UserName,
                    computerName: host,
                    keyFilePath: reference.KeyFile,
                    port: connection.Port ?? SshPort);
            default:
                throw new ArgumentException($"Unknown remoting transport '{connection.Transport}' (expected winrm or ssh).", nameof(connection));
        }
    }
}
