using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Normalizer.Ids;

/// <summary>
/// SHA-256 of short inputs (ids, dedup keys), one per event. On Linux it calls OpenSSL's digest functions directly
/// (<c>SHA256_Init/Update/Final</c>, SHA-NI where the CPU has it): .NET's <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>
/// goes through OpenSSL 3's provider layer (a context allocated, the algorithm looked up, errors cleared), which costs
/// 3–6× the digest itself for an id. Where those functions cannot be loaded, or give another digest than .NET's for a
/// known input, .NET's is used: the result is the same SHA-256 either way.
/// </summary>
internal static unsafe class Sha256
{
    /// <summary>Bytes in a digest.</summary>
    public const int Length = 32;

    // OpenSSL's SHA256_CTX is 112 bytes (1.1 and 3.x); room to spare.
    private const int ContextSize = 256;

    private static readonly delegate* unmanaged<byte*, int> Init;
    private static readonly delegate* unmanaged<byte*, byte*, nuint, int> Update;
    private static readonly delegate* unmanaged<byte*, byte*, int> Final;

    static Sha256()
    {
        if (!OperatingSystem.IsLinux() || !TryLoad(out var library))
        {
            return;
        }

        if (NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
            && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
            && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
        {
            Init = (delegate* unmanaged<byte*, int>)init;
            Update = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
            Final = (delegate* unmanaged<byte*, byte*, int>)final;
            IsNative = AgreesWithDotNet();
        }
    }

    /// <summary>Whether OpenSSL's digest functions are called directly (else .NET's SHA-256).</summary>
    public static bool IsNative { get; }

    /// <summary>Writes the SHA-256 of <paramref name="source"/> into the first 32 bytes of <paramref name="destination"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (!IsNative || !TryNative(source, destination))
        {
            SHA256.HashData(source, destination);
        }
    }

    private static bool TryNative(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Length);
        var context = stackalloc byte[ContextSize];
        fixed (byte* data = source)
        fixed (byte* digest = destination)
        {
            return Init(context) == 1 && Update(context, data, (nuint)source.Length) == 1 && Final(digest, context) == 1;
        }
    }

    // The same digest as .NET's for inputs that span one block, two blocks and a partial one.
    private static bool AgreesWithDotNet()
    {
        var input = new byte[150];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (byte)(i * 7 + 1);
        }

        Span<byte> native = stackalloc byte[Length];
        Span<byte> managed = stackalloc byte[Length];
        foreach (var length in (ReadOnlySpan<int>)[0, 3, 55, 64, 150])
        {
            if (!TryNative(input.AsSpan(0, length), native))
            {
                return false;
            }

            SHA256.HashData(input.AsSpan(0, length), managed);
            if (!native.SequenceEqual(managed))
            {
                return false;
            }
        }

        return true;
    }

    // The library .NET itself uses on Linux; 1.1 has the same three functions.
    private static bool TryLoad(out nint library)
    {
        foreach (var name in (ReadOnlySpan<string>)["libcrypto.so.3", "libcrypto.so.1.1"])
        {
            if (NativeLibrary.TryLoad(name, out library))
            {
                return true;
            }
        }

        library = 0;
        return false;
    }
}
