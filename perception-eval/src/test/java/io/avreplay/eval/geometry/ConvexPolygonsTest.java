package io.avreplay.eval.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConvexPolygonsTest {
    @Test
    void shiftedSquaresOverlapByHalf() {
        // Two 2 x 2 squares, one shifted by 1: intersection 1 x 2 = 2, union 4 + 4 - 2 = 6, IoU 1/3.
        RotatedRectangle a = new RotatedRectangle(0, 0, 2, 2, 0);
        RotatedRectangle b = new RotatedRectangle(1, 0, 2, 2, 0);
        assertEquals(2.0, a.intersectionArea(b), 1e-12);
        assertEquals(1.0 / 3, a.iou(b), 1e-12);
    }

    @Test
    void squareTurnedByQuarterTurnIsItself() {
        RotatedRectangle a = new RotatedRectangle(3, 4, 2, 2, 0);
        RotatedRectangle b = new RotatedRectangle(3, 4, 2, 2, Math.PI / 2);
        assertEquals(1.0, a.iou(b), 1e-12);
    }

    @Test
    void squareAndDiamondIntersectInAnOctagon() {
        // Unit-half-width square vs the same turned 45 degrees: octagon of area 8 (sqrt 2 - 1) for side 2.
        RotatedRectangle a = new RotatedRectangle(0, 0, 2, 2, 0);
        RotatedRectangle b = new RotatedRectangle(0, 0, 2, 2, Math.PI / 4);
        assertEquals(8 * (Math.sqrt(2) - 1), a.intersectionArea(b), 1e-12);
        assertEquals(0.0, a.intersectionArea(new RotatedRectangle(10, 0, 2, 2, 0.3)), 0);
    }
}
