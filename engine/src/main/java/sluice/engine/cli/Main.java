package sluice.engine.cli;

public final class Main {
    public static void main(String[] args) {
    }
}
