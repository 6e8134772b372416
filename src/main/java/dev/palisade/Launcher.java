package dev.palisade;
public final class Launcher { public static void main(String[] a) {} }
