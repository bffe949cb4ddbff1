using System.Buffers;
using System.Text;

namespace SmartCustoms.Domain.ReferenceData;

public enum ContainerNumberCheck
{
    Valid,

    /// <summary>
    /// Well formed but the check digit does not match. Real declarations carry such numbers, so callers should
    /// treat this as a warning and risk signal unless the administration makes it an error.
    /// </summary>
    WrongCheckDigit,

    /// <summary>Not 3 owner letters, a category letter, 6 serial digits and a check digit.</summary>
    NotIso6346,
}

/// <summary>ISO 6346 freight container numbers, and EN 13044 swap-body (ILU) codes which share the check digit.</summary>
public static class ContainerNumber
{
    /// <summary>
    /// Checks form and check digit. Surrounding whitespace and lower case are tolerated because they are how
    /// numbers get typed; inner spaces or dashes ("CSQU 305438-3") are not, as they are not the number's form.
    /// </summary>
    public static ContainerNumberCheck Check(string? id)
    {
        var trimmed = id.AsSpan().Trim();
        if (trimmed.Length != 11)
        {
            return ContainerNumberCheck.NotIso6346;
        }
        Span<char> number = stackalloc char[11];
        // ASCII-only casing: invariant upper-casing would turn a long s or dotless i into a valid letter.
        if (Ascii.ToUpper(trimmed, number, out _) != OperationStatus.Done
            || !IsWellFormed(number[..10])
            || !IsCategory(number[3])
            || !char.IsAsciiDigit(number[10]))
        {
            return ContainerNumberCheck.NotIso6346;
        }
        return ComputeCheckDigit(number[..10]) == number[10]
            ? ContainerNumberCheck.Valid
            : ContainerNumberCheck.WrongCheckDigit;
    }

    /// <summary>
    /// The check digit for owner code, category letter and serial: letters count from A=10 skipping multiples
    /// of 11, each position is weighted 2^i, and the sum is taken mod 11 then mod 10.
    /// </summary>
    /// <exception cref="ArgumentException">Not four letters followed by six digits.</exception>
    public static char ComputeCheckDigit(ReadOnlySpan<char> first10)
    {
        if (first10.Length != 10)
        {
            throw new ArgumentException("Expected 10 characters: 4 letters and 6 digits.", nameof(first10));
        }
        Span<char> upper = stackalloc char[10];
        if (Ascii.ToUpper(first10, upper, out _) != OperationStatus.Done || !IsWellFormed(upper))
        {
            throw new ArgumentException("Expected 4 letters A-Z followed by 6 digits.", nameof(first10));
        }
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var value = i < 4 ? LetterValue(upper[i]) : upper[i] - '0';
            sum += value << i;
        }
        return (char)('0' + sum % 11 % 10);
    }

    private static bool IsWellFormed(ReadOnlySpan<char> first10)
    {
        for (var i = 0; i < 10; i++)
        {
            if (i < 4 ? !char.IsAsciiLetterUpper(first10[i]) : !char.IsAsciiDigit(first10[i]))
            {
                return false;
            }
        }
        return true;
    }

    // U freight container, J detachable equipment, Z trailer or chassis; A, B, D, E, K are ILU swap bodies.
    private static bool IsCategory(char c) => c is 'U' or 'J' or 'Z' or 'A' or 'B' or 'D' or 'E' or 'K';

    // ISO 6346 letter values, A to Z: 10 upward, skipping the multiples of 11 (11, 22, 33).
    private static ReadOnlySpan<byte> LetterValues =>
        [10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 34, 35, 36, 37, 38];

    private static int LetterValue(char letter) => LetterValues[letter - 'A'];
}
