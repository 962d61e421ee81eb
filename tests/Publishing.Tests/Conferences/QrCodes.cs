using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ZXing;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>
/// Reads a QR code from a PNG with ZXing: the PNG's pixels are decoded here (the unfiltered 1-bit indexed or grey images
/// QR code writers make), then ZXing reads the code as the pure image it is (PureBarcode: its grid taken from the quiet
/// zone's edge; finding the code as in a camera's picture now and then missed one of these synthetic images (one full run
/// in three, and some of 300 random codes): a test's flake, not a ticket that would not scan).
/// </summary>
internal static class QrCodes
{
    public static string Read(byte[] png)
    {
        var (width, height, grey) = Pixels(png);
        var result = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true, PureBarcode = true } }
            .Decode(new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
        return result?.Text ?? throw new InvalidOperationException("No QR code found in the image.");
    }

    /// <summary>The image as one byte of grey per pixel.</summary>
    private static (int Width, int Height, byte[] Grey) Pixels(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [0, 255];
        using var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    (width, height, depth, colour) = (BinaryPrimitives.ReadInt32BigEndian(body), BinaryPrimitives.ReadInt32BigEndian(body[4..]), body[8], body[9]);
                    break;
                case "PLTE":
                    palette = new byte[length / 3];
                    for (var i = 0; i < palette.Length; i++)
                    {
                        palette[i] = (byte)((body[3 * i] + body[3 * i + 1] + body[3 * i + 2]) / 3);
                    }
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
            }
            at += 12 + length;
        }
        Assert.True(depth is 1 or 8 && colour is 0 or 3, $"a PNG of bit depth {depth}, colour type {colour}");
        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        var raw = inflated.ToArray();
        var stride = (width * depth + 7) / 8;
        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * (stride + 1), stride + 1);
            Assert.Equal(0, row[0]); // filter: none
            for (var x = 0; x < width; x++)
            {
                var value = depth == 8 ? row[1 + x] : (row[1 + x / 8] >> (7 - x % 8)) & 1;
                grey[y * width + x] = colour == 3 ? palette[value] : depth == 8 ? (byte)value : (byte)(value * 255);
            }
        }
        return (width, height, grey);
    }
}
