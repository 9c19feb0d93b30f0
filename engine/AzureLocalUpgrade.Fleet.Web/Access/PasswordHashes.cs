using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace AzureLocalUpgrade.Fleet.Web.Access;

/// <summary>
/// Salted password hashes in ASP.NET Core Identity's format (PasswordHasher v3: PBKDF2 with HMAC-SHA512, a random
/// 128-bit salt and the iteration count stored in the hash), and SHA-256 checks of bearer tokens. Comparisons take
/// the same time whether or not the account exists, so a probe cannot learn account names from response times.
/// </summary>
internal static class PasswordHashes
{
    private static readonly PasswordHasher<DashboardAccount> Hasher = new();
    private static readonly DashboardAccount Nobody = new("-", DashboardRole.Viewer, "");
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(Nobody, password);

    /// <summary>True when <paramref name="password"/> matches; with no account, a decoy hash is checked for equal timing.</summary>
    public static bool Verify(DashboardAccount? account, string password)
    {
        var hash = account?.PasswordHash ?? DecoyHash.Value;
        var result = Hasher.VerifyHashedPassword(account ?? Nobody, hash, password);
        return account is not null && result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>The token whose SHA-256 the presented token has, comparing every entry in fixed time.</summary>
    public static DashboardToken? MatchToken(IReadOnlyList<DashboardToken> tokens, string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        DashboardToken? match = null;
        foreach (var token in tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(token.Sha256, digest))
            {
                match = token;
            }
        }

        return match;
    }

    /// <summary>
    /// The v3 layout: 0x01, PRF (uint32, big-endian: 0 SHA-1, 1 SHA-256, 2 SHA-512), iteration count, salt length,
    /// salt, subkey. Checked on load so a truncated or hand-made hash is reported at its line, not at sign-in.
    /// </summary>
    public static bool IsWellFormed(string hash)
    {
        var bytes = new byte[hash.Length];
        if (!Convert.TryFromBase64String(hash, bytes, out var length) || length < 13 || bytes[0] != 0x01)
        {
            return false;
        }

        var prf = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1));
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        return prf <= 2 && iterations >= 10_000 && saltLength is >= 16 and <= 1024 && length >= 13 + saltLength + 16;
    }
}
