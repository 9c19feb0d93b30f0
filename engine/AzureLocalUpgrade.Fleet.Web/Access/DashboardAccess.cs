namespace AzureLocalUpgrade.Fleet.Web.Access;

/// <summary>What a signed-in person may do: read every page, or also approve stage gates.</summary>
internal enum DashboardRole { Viewer, Operator }

/// <summary>A local account: the password only as a salted PBKDF2 hash in ASP.NET Core's PasswordHasher format.</summary>
internal sealed record DashboardAccount(string Name, DashboardRole Role, string PasswordHash);

/// <summary>A bearer token for scripts; the file holds only its SHA-256 (a token is long and random, so no salt is needed).</summary>
internal sealed record DashboardToken(string Name, DashboardRole Role, byte[] Sha256);

/// <summary>The loaded access file (--auth FILE): who may sign in to the dashboard, and as what.</summary>
internal sealed record DashboardAccess(IReadOnlyList<DashboardAccount> Accounts, IReadOnlyList<DashboardToken> Tokens)
{
    public DashboardAccount? FindAccount(string name) =>
        Accounts.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
